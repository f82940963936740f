from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'route.tf.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_comment = resolve('comment')
    l_0_name = resolve('name')
    l_0_p = resolve('p')
    l_0_node = resolve('node')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['map']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'map' found.")
    try:
        t_3 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_route" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  route_table_id\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_table')))
    yield '\n  destination_cidr_block\x00= "0.0.0.0/0"\n  gateway_id\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'gateway')))
    yield '\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'):
        pass
        yield '\n  depends_on\x00= ['
        yield str(t_1(context.eval_ctx, t_2(context, environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'), 'dependency'), ', '))
        yield ']\n'
    yield '}\n'

blocks = {}
debug_info = '1=33&2=35&3=37&5=39&6=41&8=44'
