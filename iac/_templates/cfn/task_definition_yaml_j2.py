from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'task_definition.yaml.j2'

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
        t_2 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_3 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    try:
        t_4 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '    Type: AWS::ECS::TaskDefinition\n    Properties:\n      Family: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'family')))
    yield '\n      RequiresCompatibilities:\n        - FARGATE\n      NetworkMode: awsvpc\n      Cpu: '
    yield str(t_4(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cpu'))))
    yield '\n      Memory: '
    yield str(t_4(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'memory'))))
    yield '\n      RuntimePlatform:\n        OperatingSystemFamily: LINUX\n        CpuArchitecture: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'arch'))
    yield '\n      TaskRoleArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'task_role')))
    yield '\n      ExecutionRoleArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'execution_role')))
    yield '\n      Volumes:\n        - Name: scratch\n      ContainerDefinitions:\n        - Name: '
    yield str(t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'container')))
    yield '\n          Image: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'image')))
    yield '\n          Essential: true\n          ReadonlyRootFilesystem: true\n          MountPoints:\n            - SourceVolume: scratch\n              ContainerPath: '
    yield str(t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'scratch')))
    yield '\n              ReadOnly: false\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'command'):
        pass
        yield '          Command:'
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'command'), 12))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'):
        pass
        yield '          Environment:\n'
        for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'), 'items')):
            _loop_vars = {}
            pass
            yield '            - Name: '
            yield str(t_4(l_1_k))
            yield '\n              Value: '
            yield str(t_1(context, l_1_v))
            yield '\n'
        l_1_k = l_1_v = missing
    yield '          LogConfiguration:\n            LogDriver: awslogs\n            Options:\n              awslogs-group: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group')))
    yield '\n              awslogs-region: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'region')))
    yield '\n              awslogs-stream-prefix: '
    yield str(t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'container')))
    yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_3(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '3=38&7=40&8=42&11=44&12=46&13=48&17=50&18=52&23=54&25=56&26=59&28=61&30=64&31=68&32=70&38=74&39=76&40=78&41=80&42=83'
