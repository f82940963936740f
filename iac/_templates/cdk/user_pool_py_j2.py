from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'user_pool.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    l_0_own_var = resolve('own_var')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'cognito.CfnUserPool(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'user_pool_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    username_attributes=["email"],\n    auto_verified_attributes=["email"],\n    account_recovery_setting=cognito.CfnUserPool.AccountRecoverySettingProperty(\n        recovery_mechanisms=[\n            cognito.CfnUserPool.RecoveryOptionProperty(\n                name="verified_email", priority=1\n            ),\n        ],\n    ),\n    deletion_protection='
    yield str(t_1(('ACTIVE' if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain') else 'INACTIVE')))
    yield ',\n)\n'
    yield str(context.call((undefined(name='own_var') if l_0_own_var is missing else l_0_own_var), (undefined(name='node') if l_0_node is missing else l_0_node)))
    yield '.apply_removal_policy(cdk.RemovalPolicy.'
    yield str(('RETAIN' if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain') else 'DESTROY'))
    yield ')\n'

blocks = {}
debug_info = '3=22&4=24&14=26&16=28'
