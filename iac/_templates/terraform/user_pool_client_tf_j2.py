from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'user_pool_client.tf.j2'

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
        t_1 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_cognito_user_pool_client" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  user_pool_id\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pool')))
    yield '\n  generate_secret\x00= false\n  explicit_auth_flows\x00= ["ALLOW_USER_SRP_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"]\n  prevent_user_existence_errors\x00= "ENABLED"\n  enable_token_revocation\x00= true\n}\n'

blocks = {}
debug_info = '1=20&2=22&3=24&4=26'
