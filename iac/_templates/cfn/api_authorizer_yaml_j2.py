from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_authorizer.yaml.j2'

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
    yield '    Type: AWS::ApiGatewayV2::Authorizer\n    Properties:\n      ApiId: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n      Name: '
    yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      AuthorizerType: JWT\n      IdentitySource:\n        - '
    yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'identity_source')))
    yield '\n      JwtConfiguration:\n        Issuer: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'issuer')))
    yield '\n        Audience:'
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'audience'), 10))
    yield '\n'

blocks = {}
debug_info = '3=31&4=33&7=35&9=37&10=39'
