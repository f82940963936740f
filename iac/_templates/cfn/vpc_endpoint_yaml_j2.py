from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'vpc_endpoint.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    pass
    yield '    Type: AWS::EC2::VPCEndpoint\n    Properties:\n      VpcId: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'vpc')))
    yield '\n      ServiceName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'service')))
    yield '\n      VpcEndpointType: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'kind'))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_tables'):
        pass
        yield '      RouteTableIds:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'route_tables'), 8))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'):
        pass
        yield '      SubnetIds:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subnets'), 8))
        yield '\n      SecurityGroupIds:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'security_groups'), 8))
        yield '\n      PrivateDnsEnabled: true\n'

blocks = {}
debug_info = '3=25&4=27&5=29&6=31&7=34&9=36&10=39&11=41'
