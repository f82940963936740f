from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'rule.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
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
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '    Type: AWS::Events::Rule\n    Properties:\n      Name: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      Description: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus'):
        pass
        yield '      EventBusName: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bus')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'schedule'):
        pass
        yield '      ScheduleExpression: '
        yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'schedule')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pattern'):
        pass
        yield '      EventPattern:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pattern'), 8))
        yield '\n'
    yield '      State: '
    yield str(('ENABLED' if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'enabled') else 'DISABLED'))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'targets'):
        pass
        yield '      Targets:\n'
        for l_1_t in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'targets'):
            _loop_vars = {}
            pass
            yield '        - Id: '
            yield str(t_3(environment.getattr(l_1_t, 'id')))
            yield '\n          Arn: '
            yield str(t_1(context, environment.getattr(l_1_t, 'arn')))
            yield '\n'
            if environment.getattr(l_1_t, 'role'):
                pass
                yield '          RoleArn: '
                yield str(t_1(context, environment.getattr(l_1_t, 'role')))
                yield '\n'
            if (not t_4(environment.getattr(l_1_t, 'retries'))):
                pass
                yield '          RetryPolicy:\n            MaximumRetryAttempts: '
                yield str(environment.getattr(l_1_t, 'retries'))
                yield '\n            MaximumEventAgeInSeconds: '
                yield str(environment.getattr(l_1_t, 'max_age'))
                yield '\n'
            if environment.getattr(l_1_t, 'dead_letter'):
                pass
                yield '          DeadLetterConfig:\n            Arn: '
                yield str(t_1(context, environment.getattr(l_1_t, 'dead_letter')))
                yield '\n'
            if environment.getattr(l_1_t, 'message_group'):
                pass
                yield '          SqsParameters:\n            MessageGroupId: '
                yield str(t_3(environment.getattr(l_1_t, 'message_group')))
                yield '\n'
            if environment.getattr(l_1_t, 'ecs'):
                pass
                yield '          EcsParameters:\n            TaskDefinitionArn: '
                yield str(t_1(context, environment.getattr(environment.getattr(l_1_t, 'ecs'), 'task_definition')))
                yield '\n            TaskCount: 1\n            LaunchType: FARGATE\n            NetworkConfiguration:\n              AwsVpcConfiguration:\n                Subnets:'
                yield str(t_2(context, environment.getattr(environment.getattr(l_1_t, 'ecs'), 'subnets'), 18))
                yield '\n                SecurityGroups:'
                yield str(t_2(context, environment.getattr(environment.getattr(l_1_t, 'ecs'), 'security_groups'), 18))
                yield '\n                AssignPublicIp: '
                yield str(environment.getattr(environment.getattr(l_1_t, 'ecs'), 'public_ip'))
                yield '\n'
        l_1_t = missing
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '3=38&4=40&5=42&6=45&8=47&9=50&11=52&12=55&14=58&15=60&17=63&18=67&19=69&20=71&21=74&23=76&25=79&26=81&28=83&30=86&32=88&34=91&36=93&38=96&43=98&44=100&45=102&49=105&50=108'
