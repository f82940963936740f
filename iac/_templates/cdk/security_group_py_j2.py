from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'security_group.py.j2'

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
    yield 'ec2.CfnSecurityGroup(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'group_description', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'vpc_id', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'vpc')))
    yield '\n    security_group_egress=[\n'
    for l_1_rule in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'egress'):
        _loop_vars = {}
        pass
        yield '        ec2.CfnSecurityGroup.EgressProperty(\n            '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'description', environment.getattr(l_1_rule, 'description'), 12, _loop_vars=_loop_vars))
        yield '\n            ip_protocol='
        yield str(t_1(environment.getattr(l_1_rule, 'protocol')))
        yield ',\n            from_port='
        yield str(environment.getattr(l_1_rule, 'port'))
        yield ',\n            to_port='
        yield str(environment.getattr(l_1_rule, 'port'))
        yield ',\n            cidr_ip='
        yield str(t_1(environment.getattr(l_1_rule, 'cidr')))
        yield ',\n        ),\n'
    l_1_rule = missing
    yield '    ],\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ingress'):
        pass
        yield '    security_group_ingress=[\n'
        for l_1_rule in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ingress'):
            _loop_vars = {}
            pass
            yield '        ec2.CfnSecurityGroup.IngressProperty(\n            '
            yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'description', environment.getattr(l_1_rule, 'description'), 12, _loop_vars=_loop_vars))
            yield '\n            ip_protocol='
            yield str(t_1(environment.getattr(l_1_rule, 'protocol')))
            yield ',\n            from_port='
            yield str(environment.getattr(l_1_rule, 'port'))
            yield ',\n            to_port='
            yield str(environment.getattr(l_1_rule, 'port'))
            yield ',\n            cidr_ip='
            yield str(t_1(environment.getattr(l_1_rule, 'cidr')))
            yield ',\n        ),\n'
        l_1_rule = missing
        yield '    ],\n'
    yield ')\n'

blocks = {}
debug_info = '3=21&4=23&5=25&7=27&9=31&10=33&11=35&12=37&13=39&17=43&19=46&21=50&22=52&23=54&24=56&25=58'
