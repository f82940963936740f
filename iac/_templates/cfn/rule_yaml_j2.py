from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'rule.yaml.j2'

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
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
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

blocks = {}
debug_info = '3=31&4=33&5=35&6=38&8=40&9=43&11=45&12=48&14=51&15=53&17=56&18=60&19=62&20=64&21=67&23=69&25=72&27=74&29=77&34=79&35=81&36=83'
