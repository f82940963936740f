from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vpc_endpoint.tf.j2'

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
    yield '\nresource "aws_vpc_endpoint" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  vpc_id\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'vpc')))
    yield '\n  service_name\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'service')))
    yield '\n  vpc_endpoint_type\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'kind')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_tables'):
        pass
        yield '  route_table_ids\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_tables')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'):
        pass
        yield '  subnet_ids\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets')))
        yield '\n  security_group_ids\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'security_groups')))
        yield '\n  private_dns_enabled\x00= true\n'
    yield '}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&4=32&5=34&6=36&7=39&9=41&10=44&11=46'
