from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'state_machine.tf.j2'

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
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_sfn_state_machine" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  type\x00= '
    yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'type')))
    yield '\n  role_arn\x00= '
    yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n  definition\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'definition')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group'):
        pass
        yield '\n  logging_configuration {\n    log_destination\x00= '
        yield str(t_4(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group'), 4))
        yield '\n    include_execution_data\x00= true\n    level\x00= "ALL"\n  }\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'tracing'):
        pass
        yield '\n  tracing_configuration {\n    enabled\x00= true\n  }\n'
    yield '\n  depends_on\x00= ['
    yield str(t_1(context, environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role'), 'node')))
    yield ']\n}\n'

blocks = {}
debug_info = '1=38&2=40&3=42&4=44&5=46&6=48&7=50&10=53&15=55&22=59'
