from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'security_group.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
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
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    pass
    yield '    Type: AWS::EC2::SecurityGroup\n    Properties:\n      GroupDescription: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n      VpcId: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'vpc')))
    yield '\n      SecurityGroupEgress:\n'
    for l_1_rule in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'egress'):
        _loop_vars = {}
        pass
        yield '        - Description: '
        yield str(t_3(environment.getattr(l_1_rule, 'description')))
        yield '\n          IpProtocol: '
        yield str(environment.getattr(l_1_rule, 'protocol'))
        yield '\n          FromPort: '
        yield str(environment.getattr(l_1_rule, 'port'))
        yield '\n          ToPort: '
        yield str(environment.getattr(l_1_rule, 'port'))
        yield '\n          CidrIp: '
        yield str(environment.getattr(l_1_rule, 'cidr'))
        yield '\n'
    l_1_rule = missing
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ingress'):
        pass
        yield '      SecurityGroupIngress:\n'
        for l_1_rule in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ingress'):
            _loop_vars = {}
            pass
            yield '        - Description: '
            yield str(t_3(environment.getattr(l_1_rule, 'description')))
            yield '\n          IpProtocol: '
            yield str(environment.getattr(l_1_rule, 'protocol'))
            yield '\n          FromPort: '
            yield str(environment.getattr(l_1_rule, 'port'))
            yield '\n          ToPort: '
            yield str(environment.getattr(l_1_rule, 'port'))
            yield '\n          CidrIp: '
            yield str(environment.getattr(l_1_rule, 'cidr'))
            yield '\n'
        l_1_rule = missing
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '3=32&4=34&6=36&7=40&8=42&9=44&10=46&11=48&13=51&15=54&16=58&17=60&18=62&19=64&20=66&23=69&24=72'
