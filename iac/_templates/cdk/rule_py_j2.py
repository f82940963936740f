from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'rule.py.j2'

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
    yield 'events.CfnRule(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'description', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'event_bus_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'schedule'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'schedule_expression', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'schedule')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pattern'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'event_pattern', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pattern')))
        yield '\n'
    yield '    state='
    yield str(t_1(('ENABLED' if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'enabled') else 'DISABLED')))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'targets'):
        pass
        yield '    targets=[\n'
        for l_1_t in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'targets'):
            l_1_arg = resolve('arg')
            l_1_Call = resolve('Call')
            l_1_target_kwargs = resolve('target_kwargs')
            _loop_vars = {}
            pass
            yield '        '
            yield str(context.call((undefined(name='arg') if l_1_arg is missing else l_1_arg), context.call((undefined(name='Call') if l_1_Call is missing else l_1_Call), 'events.CfnRule.TargetProperty', (), context.call((undefined(name='target_kwargs') if l_1_target_kwargs is missing else l_1_target_kwargs), l_1_t, _loop_vars=_loop_vars), _loop_vars=_loop_vars), 8, _loop_vars=_loop_vars))
            yield '\n'
        l_1_t = l_1_arg = l_1_Call = l_1_target_kwargs = missing
        yield '    ],\n'
    yield ')\n'

blocks = {}
debug_info = '3=21&4=23&5=25&6=27&7=30&9=32&10=35&12=37&13=40&15=43&16=45&18=48&19=55'
