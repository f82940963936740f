from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'http_api.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    l_0_methods = resolve('methods')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    try:
        t_2 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'apigwv2.HttpApi(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'api_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'):
        pass
        yield '    cors_preflight=apigwv2.CorsPreflightOptions(\n        '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'allow_origins', environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'origins'), 8))
        yield '\n'
        l_0_methods = []
        context.vars['methods'] = l_0_methods
        context.exported_vars.add('methods')
        for l_1_m in environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'methods'):
            l_1_Code = resolve('Code')
            l_1__ = missing
            _loop_vars = {}
            pass
            l_1__ = context.call(environment.getattr((undefined(name='methods') if l_0_methods is missing else l_0_methods), 'append'), context.call((undefined(name='Code') if l_1_Code is missing else l_1_Code), str_join(('apigwv2.CorsHttpMethod.', ('ANY' if (l_1_m == '*') else l_1_m), )), _loop_vars=_loop_vars), _loop_vars=_loop_vars)
            _loop_vars['_'] = l_1__
        l_1_m = l_1_Code = l_1__ = missing
        yield '        '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'allow_methods', (undefined(name='methods') if l_0_methods is missing else l_0_methods), 8))
        yield '\n        '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'allow_headers', environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'headers'), 8))
        yield '\n'
        if (not t_2(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'max_age'))):
            pass
            yield '        max_age=cdk.Duration.seconds('
            yield str(environment.getattr(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'cors'), 'max_age'))
            yield '),\n'
        yield '    ),\n'
    yield '    create_default_stage=False,\n)\n'

blocks = {}
debug_info = '3=28&4=30&5=32&7=35&8=37&9=40&10=45&12=49&13=51&14=53&15=56'
