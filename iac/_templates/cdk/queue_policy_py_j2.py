from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'queue_policy.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_construct = resolve('construct')
    l_0_p = resolve('p')
    l_0_var = resolve('var')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'sqs.QueuePolicy(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    queues=['
    yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'target')), 'text'))
    yield '],\n)\n'
    yield str((undefined(name='var') if l_0_var is missing else l_0_var))
    yield '.document.add_statements(\n'
    for l_1_st in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements'):
        l_1_arg = resolve('arg')
        _loop_vars = {}
        pass
        yield '    '
        yield str(context.call((undefined(name='arg') if l_1_arg is missing else l_1_arg), l_1_st, _loop_vars=_loop_vars))
        yield '\n'
    l_1_st = l_1_arg = missing
    yield ')\n'

blocks = {}
debug_info = '3=22&4=24&6=26&7=28&8=33'
