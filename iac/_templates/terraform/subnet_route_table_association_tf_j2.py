from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'subnet_route_table_association.tf.j2'

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
        t_1 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_route_table_association" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  subnet_id\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnet')))
    yield '\n  route_table_id\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_table')))
    yield '\n}\n'

blocks = {}
debug_info = '1=20&2=22&3=24&4=26'
