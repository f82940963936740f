from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'task_definition.tf.j2'

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
        t_1 = environment.filters['container_definitions']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'container_definitions' found.")
    try:
        t_2 = environment.filters['dependency']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'dependency' found.")
    try:
        t_3 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_4 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_5 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_5(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    try:
        t_6 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_6(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_ecs_task_definition" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  family\x00= '
    yield str(t_6(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'family')))
    yield '\n  requires_compatibilities\x00= ["FARGATE"]\n  network_mode\x00= "awsvpc"\n  cpu\x00= '
    yield str(t_3(t_5(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cpu'))))
    yield '\n  memory\x00= '
    yield str(t_3(t_5(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'memory'))))
    yield '\n  task_role_arn\x00= '
    yield str(t_6(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'task_role')))
    yield '\n  execution_role_arn\x00= '
    yield str(t_6(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'execution_role')))
    yield '\n  container_definitions\x00= '
    yield str(t_4(context, t_1((undefined(name='p') if l_0_p is missing else l_0_p))))
    yield '\n\n  runtime_platform {\n    operating_system_family\x00= "LINUX"\n    cpu_architecture\x00= '
    yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'arch')))
    yield '\n  }\n\n  volume {\n    name\x00= "scratch"\n  }\n\n  depends_on\x00= ['
    yield str(t_2(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'task_role'), 'node')))
    yield ', '
    yield str(t_2(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'execution_role'), 'node')))
    yield ']\n}\n'

blocks = {}
debug_info = '1=50&2=52&3=54&6=56&7=58&8=60&9=62&10=64&14=66&21=68'
