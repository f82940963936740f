from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'role.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_node = resolve('node')
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['assume_role']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'assume_role' found.")
    try:
        t_2 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_3 = environment.filters['policy']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'policy' found.")
    try:
        t_4 = environment.filters['role_name_prefix']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'role_name_prefix' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_iam_role" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name_prefix\x00= '
    yield str(t_4(context, (undefined(name='node') if l_0_node is missing else l_0_node)))
    yield '\n  assume_role_policy\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'service')))
    yield '\n}\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements'):
        pass
        yield '\n'
        yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
        yield '\nresource "aws_iam_role_policy" "'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '" {\n  name\x00= "'
        yield str(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id'))
        yield 'Policy"\n  role\x00= aws_iam_role.'
        yield str((undefined(name='name') if l_0_name is missing else l_0_name))
        yield '.id\n  policy\x00= '
        yield str(t_2(context, t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements'))))
        yield '\n}\n'

blocks = {}
debug_info = '1=39&2=41&3=43&4=45&6=47&8=50&9=52&10=54&11=56&12=58'
