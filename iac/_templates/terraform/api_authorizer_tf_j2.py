from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_authorizer.tf.j2'

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
    yield '\nresource "aws_apigatewayv2_authorizer" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  api_id\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n  name\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  authorizer_type\x00= "JWT"\n  identity_sources\x00= ['
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'identity_source')))
    yield ']\n\n  jwt_configuration {\n    issuer\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'issuer')))
    yield '\n    audience\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'audience')))
    yield '\n  }\n}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&4=32&6=34&9=36&10=38'
