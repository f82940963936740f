from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'function_url.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'lambda_.CfnUrl(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'target_function_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n    auth_type='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'auth')))
    yield ',\n)\n'

blocks = {}
debug_info = '3=21&4=23&5=25'
