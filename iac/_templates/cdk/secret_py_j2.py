from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'secret.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    l_0_Call = resolve('Call')
    l_0_param_construct = resolve('param_construct')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'secretsmanager.Secret(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'secret_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'description', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'value'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'secret_string_value', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'cdk.SecretValue.cfn_parameter', (context.call((undefined(name='param_construct') if l_0_param_construct is missing else l_0_param_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'value')),))))
        yield '\n'
    else:
        pass
        yield '    generate_secret_string=secretsmanager.SecretStringGenerator(\n        password_length=32,\n        exclude_punctuation=True,\n    ),\n'
    yield '    removal_policy=cdk.RemovalPolicy.'
    yield str(('RETAIN' if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain') else 'DESTROY'))
    yield ',\n)\n'

blocks = {}
debug_info = '3=23&4=25&5=27&6=29&7=32&14=38'
