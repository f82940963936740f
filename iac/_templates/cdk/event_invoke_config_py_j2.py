from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_invoke_config.py.j2'

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
    yield 'lambda_.CfnEventInvokeConfig(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'function_name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n    qualifier="$LATEST",\n    maximum_retry_attempts='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
    yield ',\n    maximum_event_age_in_seconds='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
    yield ',\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success') or environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure')):
        pass
        yield '    destination_config=lambda_.CfnEventInvokeConfig.DestinationConfigProperty(\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success'):
            pass
            yield '        on_success=lambda_.CfnEventInvokeConfig.OnSuccessProperty(\n            '
            yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'destination', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success'), 12))
            yield '\n        ),\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'):
            pass
            yield '        on_failure=lambda_.CfnEventInvokeConfig.OnFailureProperty(\n            '
            yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'destination', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'), 12))
            yield '\n        ),\n'
        yield '    ),\n'
    yield ')\n'

blocks = {}
debug_info = '3=21&4=23&6=25&7=27&8=29&10=32&12=35&15=37&17=40'
