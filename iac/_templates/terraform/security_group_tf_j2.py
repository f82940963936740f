from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'security_group.tf.j2'

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
    yield '\nresource "aws_security_group" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  description\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'description')))
    yield '\n  vpc_id\x00= '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'vpc')))
    yield '\n'
    for l_1_rule in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'egress'):
        _loop_vars = {}
        pass
        yield '\n  egress {\n    description\x00= '
        yield str(t_1(context, environment.getattr(l_1_rule, 'description')))
        yield '\n    protocol\x00= '
        yield str(t_1(context, environment.getattr(l_1_rule, 'protocol')))
        yield '\n    from_port\x00= '
        yield str(environment.getattr(l_1_rule, 'port'))
        yield '\n    to_port\x00= '
        yield str(environment.getattr(l_1_rule, 'port'))
        yield '\n    cidr_blocks\x00= ['
        yield str(t_1(context, environment.getattr(l_1_rule, 'cidr')))
        yield ']\n  }\n'
    l_1_rule = missing
    for l_1_rule in environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'ingress'):
        _loop_vars = {}
        pass
        yield '\n  ingress {\n    description\x00= '
        yield str(t_1(context, environment.getattr(l_1_rule, 'description')))
        yield '\n    protocol\x00= '
        yield str(t_1(context, environment.getattr(l_1_rule, 'protocol')))
        yield '\n    from_port\x00= '
        yield str(environment.getattr(l_1_rule, 'port'))
        yield '\n    to_port\x00= '
        yield str(environment.getattr(l_1_rule, 'port'))
        yield '\n    cidr_blocks\x00= ['
        yield str(t_1(context, environment.getattr(l_1_rule, 'cidr')))
        yield ']\n  }\n'
    l_1_rule = missing
    yield '}\n'

blocks = {}
debug_info = '1=20&2=22&3=24&4=26&5=28&8=32&9=34&10=36&11=38&12=40&15=43&18=47&19=49&20=51&21=53&22=55'
