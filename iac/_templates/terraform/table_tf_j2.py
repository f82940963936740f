from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'table.tf.j2'

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
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_dynamodb_table" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n  billing_mode\x00= "PAY_PER_REQUEST"\n  hash_key\x00= '
    yield str(t_1(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'key'), 'name')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'sort'):
        pass
        yield '  range_key\x00= '
        yield str(t_1(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'sort'), 'name')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'stream'):
        pass
        yield '  stream_enabled\x00= true\n  stream_view_type\x00= "NEW_AND_OLD_IMAGES"\n'
    for l_1_a in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'attributes'):
        _loop_vars = {}
        pass
        yield '\n  attribute {\n    name\x00= '
        yield str(t_1(environment.getattr(l_1_a, 'name')))
        yield '\n    type\x00= "'
        yield str(environment.getitem({'string': 'S', 'number': 'N', 'binary': 'B'}, environment.getattr(l_1_a, 'type')))
        yield '"\n  }\n'
    l_1_a = missing
    for l_1_i in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'indexes'):
        _loop_vars = {}
        pass
        yield '\n  global_secondary_index {\n    name\x00= '
        yield str(t_1(environment.getattr(l_1_i, 'name')))
        yield '\n    hash_key\x00= '
        yield str(t_1(environment.getattr(environment.getattr(l_1_i, 'key'), 'name')))
        yield '\n'
        if environment.getattr(l_1_i, 'sort'):
            pass
            yield '    range_key\x00= '
            yield str(t_1(environment.getattr(environment.getattr(l_1_i, 'sort'), 'name')))
            yield '\n'
        yield '    projection_type\x00= "ALL"\n  }\n'
    l_1_i = missing
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ttl'):
        pass
        yield '\n  ttl {\n    attribute_name\x00= '
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ttl')))
        yield '\n    enabled\x00= true\n  }\n'
    yield '\n  point_in_time_recovery {\n    enabled\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'pitr')))
    yield '\n  }\n\n  server_side_encryption {\n    enabled\x00= true\n  }\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain'):
        pass
        yield '\n  lifecycle {\n    prevent_destroy\x00= true\n  }\n'
    yield '}\n'

blocks = {}
debug_info = '1=27&2=29&3=31&5=33&6=35&7=38&9=40&13=43&16=47&17=49&20=52&23=56&24=58&25=60&26=63&31=67&34=70&40=73&46=75'
