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
    yield '" {\n  alarm_name\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  alarm_description\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n  namespace\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'namespace')))
    yield '\n  metric_name\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'metric')))
    yield '\n  dimensions\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dimensions')))
    yield '\n  statistic\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statistic')))
    yield '\n  period\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'period'))
    yield '\n  evaluation_periods\x00= 1\n  threshold\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'threshold'))
    yield '\n  comparison_operator\x00= "GreaterThanThreshold"\n  treat_missing_data\x00= "notBreaching"\n  alarm_actions\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'actions')))
    yield '\n}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&4=32&5=34&6=36&7=38&8=40&9=42&11=44&14=46'
