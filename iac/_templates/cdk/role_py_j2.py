from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'role.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_Call = resolve('Call')
    l_0_p = resolve('p')
    l_0_expr = resolve('expr')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'iam.Role(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'assumed_by', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'iam.ServicePrincipal', (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'service'),))))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'inline_policies', {str_join((environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id'), 'Policy', )): context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'iam.PolicyDocument', (), (('statements', context.call((undefined(name='expr') if l_0_expr is missing else l_0_expr), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'statements'))),))}))
        yield '\n'
    yield ')\n'

blocks = {}
debug_info = '3=23&4=25&5=27&6=30'
