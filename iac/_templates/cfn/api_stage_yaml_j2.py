from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_stage.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '    Type: AWS::ApiGatewayV2::Stage\n    Properties:\n      ApiId: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n      StageName: $default\n      AutoDeploy: true\n      DefaultRouteSettings:\n        ThrottlingRateLimit: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'rate'))
    yield '\n        ThrottlingBurstLimit: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'burst'))
    yield '\n      AccessLogSettings:\n        DestinationArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'access_logs')))
    yield '\n        Format: '
    yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'access_log_format')))
    yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '3=32&7=34&8=36&10=38&11=40&12=42&13=45'
