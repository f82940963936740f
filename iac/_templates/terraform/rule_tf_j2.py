from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'rule.tf.j2'

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
        t_1 = environment.filters['dependency']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'dependency' found.")
    try:
        t_2 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_3 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_4 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    try:
        t_5 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_cloudwatch_event_rule" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  description\x00= '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus'):
        pass
        yield '  event_bus_name\x00= '
        yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'schedule'):
        pass
        yield '  schedule_expression\x00= '
        yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'schedule')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pattern'):
        pass
        yield '  event_pattern\x00= '
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pattern')))
        yield '\n'
    yield '  state\x00= "'
    yield str(('ENABLED' if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'enabled') else 'DISABLED'))
    yield '"\n}\n'
    for l_1_t in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'targets'):
        _loop_vars = {}
        pass
        yield '\n'
        yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
        yield ': target '
        yield str(environment.getattr(l_1_t, 'id'))
        yield '\nresource "aws_cloudwatch_event_target" "'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '_'
        yield str(environment.getattr(l_1_t, 'id'))
        yield '" {\n  rule\x00= aws_cloudwatch_event_rule.'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '.name\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus'):
            pass
            yield '  event_bus_name\x00= '
            yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus')))
            yield '\n'
        yield '  target_id\x00= '
        yield str(t_2(environment.getattr(l_1_t, 'id')))
        yield '\n  arn\x00= '
        yield str(t_4(context, environment.getattr(l_1_t, 'arn')))
        yield '\n'
        if environment.getattr(l_1_t, 'role'):
            pass
            yield '  role_arn\x00= '
            yield str(t_4(context, environment.getattr(l_1_t, 'role')))
            yield '\n'
        if (not t_5(environment.getattr(l_1_t, 'retries'))):
            pass
            yield '\n  retry_policy {\n    maximum_retry_attempts\x00= '
            yield str(environment.getattr(l_1_t, 'retries'))
            yield '\n    maximum_event_age_in_seconds\x00= '
            yield str(environment.getattr(l_1_t, 'max_age'))
            yield '\n  }\n'
        if environment.getattr(l_1_t, 'dead_letter'):
            pass
            yield '\n  dead_letter_config {\n    arn\x00= '
            yield str(t_4(context, environment.getattr(l_1_t, 'dead_letter'), 4))
            yield '\n  }\n'
        if environment.getattr(l_1_t, 'message_group'):
            pass
            yield '\n  sqs_target {\n    message_group_id\x00= '
            yield str(t_2(environment.getattr(l_1_t, 'message_group')))
            yield '\n  }\n'
        if environment.getattr(l_1_t, 'ecs'):
            pass
            yield '\n  ecs_target {\n    task_definition_arn\x00= '
            yield str(t_4(context, environment.getattr(environment.getattr(l_1_t, 'ecs'), 'task_definition'), 4))
            yield '\n    launch_type\x00= "FARGATE"\n    task_count\x00= 1\n\n    network_configuration {\n      subnets\x00= '
            yield str(t_4(context, environment.getattr(environment.getattr(l_1_t, 'ecs'), 'subnets'), 6))
            yield '\n      security_groups\x00= '
            yield str(t_4(context, environment.getattr(environment.getattr(l_1_t, 'ecs'), 'security_groups'), 6))
            yield '\n      assign_public_ip\x00= '
            yield str(t_4(context, (environment.getattr(environment.getattr(l_1_t, 'ecs'), 'public_ip') == 'ENABLED')))
            yield '\n    }\n  }\n'
        if environment.getattr(l_1_t, 'role'):
            pass
            yield '\n  depends_on\x00= ['
            yield str(t_1(context, environment.getattr(environment.getattr(l_1_t, 'role'), 'node')))
            yield ']\n'
        yield '}\n'
    l_1_t = missing

blocks = {}
debug_info = '1=44&2=46&3=48&4=50&5=52&6=55&8=57&9=60&11=62&12=65&14=68&16=70&18=74&19=78&20=82&21=84&22=87&24=90&25=92&26=94&27=97&29=99&32=102&33=104&36=106&39=109&42=111&45=114&48=116&51=119&56=121&57=123&58=125&62=127&64=130'
