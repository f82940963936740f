from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'user_pool.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    l_0_node = resolve('node')
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
    yield '\nresource "aws_cognito_user_pool" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  username_attributes\x00= ["email"]\n  auto_verified_attributes\x00= ["email"]\n  deletion_protection\x00= '
    yield str(t_1(('ACTIVE' if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain') else 'INACTIVE')))
    yield '\n\n  account_recovery_setting {\n    recovery_mechanism {\n      name\x00= "verified_email"\n      priority\x00= 1\n    }\n  }\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain'):
        pass
        yield '\n  lifecycle {\n    prevent_destroy\x00= true\n  }\n'
    yield '}\n'

blocks = {}
debug_info = '1=27&2=29&3=31&6=33&14=35'
