from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'role.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_node = resolve('node')
    l_0_tags = resolve('tags')
    try:
        t_1 = environment.filters['policy']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'policy' found.")
    try:
        t_2 = environment.filters['trust']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'trust' found.")
    try:
        t_3 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    pass
    yield '    Type: AWS::IAM::Role\n    Properties:\n      AssumeRolePolicyDocument:'
    yield str(t_3(context, t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'service')), 8))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements'):
        pass
        yield '      Policies:\n        - PolicyName: '
        yield str(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id'))
        yield 'Policy\n          PolicyDocument:'
        yield str(t_3(context, t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements')), 12))
        yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_3(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '3=33&4=35&6=38&7=40&9=42&10=45'
