from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'api_integration.py.j2'

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
    yield 'apigwv2.CfnIntegration(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'api_id', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'api')))
    yield '\n    integration_type='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'type')))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subtype'):
        pass
        yield '    integration_subtype='
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'subtype')))
        yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'uri'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'integration_uri', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'uri')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'credentials'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'credentials_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'credentials')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'parameters'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'request_parameters', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'parameters')))
        yield '\n'
    yield '    payload_format_version='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'payload_version')))
    yield ',\n)\n'

blocks = {}
debug_info = '3=21&4=23&5=25&6=27&7=30&9=32&10=35&12=37&13=40&15=42&16=45&18=48'
