from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'alarm.tf.j2'

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
    yield '\nresource "aws_cloudwatch_metric_alarm" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  alarm_name = '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  alarm_description = '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n  namespace = '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'namespace')))
    yield '\n  metric_name = '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'metric')))
    yield '\n  dimensions = '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dimensions')))
    yield '\n  statistic = '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statistic')))
    yield '\n  period = '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'period'))
    yield '\n  evaluation_periods = 1\n  threshold = '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'threshold'))
    yield '\n  comparison_operator = "GreaterThanThreshold"\n  treat_missing_data = "notBreaching"\n  alarm_actions = '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'actions')))
    yield '\n}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&4=32&5=34&6=36&7=38&8=40&9=42&11=44&14=46'
