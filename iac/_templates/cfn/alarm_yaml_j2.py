from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alarm.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    pass
    yield '    Type: AWS::CloudWatch::Alarm\n    Properties:\n      AlarmName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      AlarmDescription: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n      Namespace: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'namespace'))
    yield '\n      MetricName: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'metric'))
    yield '\n      Dimensions:\n'
    for (l_1_name, l_1_value) in context.call(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dimensions'), 'items')):
        _loop_vars = {}
        pass
        yield '        - Name: '
        yield str(l_1_name)
        yield '\n          Value: '
        yield str(t_1(context, l_1_value))
        yield '\n'
    l_1_name = l_1_value = missing
    yield '      Statistic: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statistic'))
    yield '\n      Period: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'period'))
    yield '\n      EvaluationPeriods: 1\n      Threshold: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'threshold'))
    yield '\n      ComparisonOperator: GreaterThanThreshold\n      TreatMissingData: notBreaching\n      AlarmActions:'
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'actions'), 8))
    yield '\n'

blocks = {}
debug_info = '3=25&4=27&5=29&6=31&8=33&9=37&10=39&12=43&13=45&15=47&18=49'
