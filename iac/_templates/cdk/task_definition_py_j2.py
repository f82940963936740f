from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'task_definition.py.j2'

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
    try:
        t_2 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    pass
    yield 'ecs.CfnTaskDefinition(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'family', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'family')))
    yield '\n    requires_compatibilities=["FARGATE"],\n    network_mode="awsvpc",\n    cpu='
    yield str(t_1(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cpu'))))
    yield ',\n    memory='
    yield str(t_1(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'memory'))))
    yield ',\n    runtime_platform=ecs.CfnTaskDefinition.RuntimePlatformProperty(\n        operating_system_family="LINUX",\n        cpu_architecture='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'arch')))
    yield ',\n    ),\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'task_role_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'task_role')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'execution_role_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'execution_role')))
    yield '\n    volumes=[ecs.CfnTaskDefinition.VolumeProperty(name="scratch")],\n    container_definitions=[\n        ecs.CfnTaskDefinition.ContainerDefinitionProperty(\n            name='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'container')))
    yield ',\n            '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'image', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'image'), 12))
    yield '\n            essential=True,\n            readonly_root_filesystem=True,\n            mount_points=[\n                ecs.CfnTaskDefinition.MountPointProperty(\n                    source_volume="scratch",\n                    container_path='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'scratch')))
    yield ',\n                    read_only=False,\n                ),\n            ],\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'command'):
        pass
        yield '            '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'command', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'command'), 12))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'):
        pass
        yield '            environment=[\n'
        for (l_1_k, l_1_v) in context.call(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'), 'items')):
            l_1_arg = resolve('arg')
            l_1_Call = resolve('Call')
            l_1_expr = resolve('expr')
            _loop_vars = {}
            pass
            yield '                '
            yield str(context.call((undefined(name='arg') if l_1_arg is missing else l_1_arg), context.call((undefined(name='Call') if l_1_Call is missing else l_1_Call), 'ecs.CfnTaskDefinition.KeyValuePairProperty', (), (('name', l_1_k), ('value', context.call((undefined(name='expr') if l_1_expr is missing else l_1_expr), l_1_v, _loop_vars=_loop_vars))), _loop_vars=_loop_vars), 16, _loop_vars=_loop_vars))
            yield '\n'
        l_1_k = l_1_v = l_1_arg = l_1_Call = l_1_expr = missing
        yield '            ],\n'
    yield '            log_configuration=ecs.CfnTaskDefinition.LogConfigurationProperty(\n                log_driver="awslogs",\n                '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'options', {'awslogs-group': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group'), 'awslogs-region': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'region'), 'awslogs-stream-prefix': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'container')}, 16))
    yield '\n            ),\n        ),\n    ],\n)\n'

blocks = {}
debug_info = '3=27&4=29&7=31&8=33&11=35&13=37&14=39&18=41&19=43&25=45&29=47&30=50&32=52&34=55&35=62&41=67'
