from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alarm.py.j2'

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
    yield 'cloudwatch.CfnAlarm(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'alarm_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'alarm_description', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n    namespace='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'namespace')))
    yield ',\n    metric_name='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'metric')))
    yield ',\n    dimensions=[\n'
    for (l_1_name, l_1_value) in context.call(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dimensions'), 'items')):
        l_1_arg = resolve('arg')
        l_1_Call = resolve('Call')
        l_1_expr = resolve('expr')
        _loop_vars = {}
        pass
        yield '        '
        yield str(context.call((undefined(name='arg') if l_1_arg is missing else l_1_arg), context.call((undefined(name='Call') if l_1_Call is missing else l_1_Call), 'cloudwatch.CfnAlarm.DimensionProperty', (), (('name', l_1_name), ('value', context.call((undefined(name='expr') if l_1_expr is missing else l_1_expr), l_1_value, _loop_vars=_loop_vars))), _loop_vars=_loop_vars), 8, _loop_vars=_loop_vars))
        yield '\n'
    l_1_name = l_1_value = l_1_arg = l_1_Call = l_1_expr = missing
    yield '    ],\n    statistic='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statistic')))
    yield ',\n    period='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'period'))
    yield ',\n    evaluation_periods=1,\n    threshold='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'threshold'))
    yield ',\n    comparison_operator="GreaterThanThreshold",\n    treat_missing_data="notBreaching",\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'alarm_actions', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'actions')))
    yield '\n)\n'

blocks = {}
debug_info = '3=21&4=23&5=25&6=27&7=29&9=31&10=38&13=42&14=44&16=46&19=48'
