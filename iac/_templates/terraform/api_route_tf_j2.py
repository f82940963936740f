from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_route.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_apigatewayv2_route" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  api_id\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n  route_key\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'key')))
    yield '\n  target\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'target')))
    yield '\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorization') != 'NONE'):
        pass
        yield '  authorization_type\x00= '
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorization')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorizer'):
        pass
        yield '  authorizer_id\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'authorizer')))
        yield '\n'
    yield '}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&4=32&5=34&6=36&7=39&9=41&10=44'
