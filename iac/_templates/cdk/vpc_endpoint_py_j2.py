from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vpc_endpoint.py.j2'

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
    pass
    yield 'ec2.CfnVPCEndpoint(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'vpc_id', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'vpc')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'service_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'service')))
    yield '\n    vpc_endpoint_type='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'kind')))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_tables'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'route_table_ids', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_tables')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'subnet_ids', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets')))
        yield '\n    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'security_group_ids', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'security_groups')))
        yield '\n    private_dns_enabled=True,\n'
    yield ')\n'

blocks = {}
debug_info = '3=21&4=23&5=25&6=27&7=29&8=32&10=34&11=37&12=39'
