from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_integration.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
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
    yield '    Type: AWS::ApiGatewayV2::Integration\n    Properties:\n      ApiId: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n      IntegrationType: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'type'))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subtype'):
        pass
        yield '      IntegrationSubtype: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subtype'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'uri'):
        pass
        yield '      IntegrationUri: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'uri')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'credentials'):
        pass
        yield '      CredentialsArn: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'credentials')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'parameters'):
        pass
        yield '      RequestParameters:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'parameters'), 8))
        yield '\n'
    yield '      PayloadFormatVersion: '
    yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'payload_version')))
    yield '\n'

blocks = {}
debug_info = '3=31&4=33&5=35&6=38&8=40&9=43&11=45&12=48&14=50&15=53&17=56'
