from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'function.tf.j2'

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
        t_3 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_lambda_function" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  function_name\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  role\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n  handler\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'handler')))
    yield '\n  runtime\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'runtime')))
    yield '\n  architectures\x00= ['
    yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'arch')))
    yield ']\n  memory_size\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'memory'))
    yield '\n  timeout\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'timeout'))
    yield '\n'
    if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))):
        pass
        yield '  reserved_concurrent_executions\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'concurrency'))
        yield '\n'
    yield '  filename\x00= "${path.module}/assets/'
    yield str(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'asset'), 'file_name'))
    yield '"\n  source_code_hash\x00= filebase64sha256("${path.module}/assets/'
    yield str(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'asset'), 'file_name'))
    yield '")\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers'):
        pass
        yield '  layers\x00= '
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'layers')))
        yield '\n'
    yield '\n  logging_config {\n    log_format\x00= "Text"\n    log_group\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group'), 4))
    yield '\n  }\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'tracing'):
        pass
        yield '\n  tracing_config {\n    mode\x00= "Active"\n  }\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage') != 512):
        pass
        yield '\n  ephemeral_storage {\n    size\x00= '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'storage'))
        yield '\n  }\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'):
        pass
        yield '\n  vpc_config {\n    subnet_ids\x00= '
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'), 4))
        yield '\n    security_group_ids\x00= '
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'security_groups'), 4))
        yield '\n  }\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'):
        pass
        yield '\n  environment {\n    variables\x00= '
        yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'env'), 4))
        yield '\n  }\n'
    yield '\n  depends_on\x00= ['
    yield str(t_1(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role'), 'node')))
    yield ']\n}\n'

blocks = {}
debug_info = '1=38&2=40&3=42&4=44&5=46&6=48&7=50&8=52&9=54&10=56&11=59&13=62&14=64&15=66&16=69&21=72&23=74&29=77&32=80&35=82&38=85&39=87&42=89&45=92&49=95'
