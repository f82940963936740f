from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_route.yaml.j2'

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
        t_2 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '    Type: AWS::ApiGatewayV2::Route\n    Properties:\n      ApiId: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n      RouteKey: '
    yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'key')))
    yield '\n      Target: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'target')))
    yield '\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorization') != 'NONE'):
        pass
        yield '      AuthorizationType: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorization'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorizer'):
        pass
        yield '      AuthorizerId: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorizer')))
        yield '\n'

blocks = {}
debug_info = '3=25&4=27&5=29&6=31&7=34&9=36&10=39'
