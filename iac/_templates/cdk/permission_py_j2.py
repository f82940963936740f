from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'permission.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_p = resolve('p')
    l_0_kw = resolve('kw')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'lambda_.CfnPermission(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    action='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'action')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'function_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'principal', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'principal')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'source_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_account'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'source_account', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_account')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'url_auth'):
        pass
        yield '    function_url_auth_type='
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'url_auth')))
        yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'via_url'):
        pass
        yield '    invoked_via_function_url=True,\n'
    yield ')\n'

blocks = {}
debug_info = '3=21&4=23&5=25&6=27&7=29&8=32&10=34&11=37&13=39&14=42&16=44'
