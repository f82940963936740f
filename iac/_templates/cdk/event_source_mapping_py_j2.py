from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_source_mapping.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_construct = resolve('construct')
    l_0_p = resolve('p')
    l_0_kw = resolve('kw')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    pass
    yield 'lambda_.EventSourceMapping(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    target='
    yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')), 'text'))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'event_source_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
    yield '\n    batch_size='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'):
        pass
        yield '    max_batching_window=cdk.Duration.seconds('
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'))
        yield '),\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'):
        pass
        yield '    starting_position=lambda_.StartingPosition.'
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'))
        yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'report_failures'):
        pass
        yield '    report_batch_item_failures=True,\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'filters', [{'pattern': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')}]))
        yield '\n'
    yield ')\n'

blocks = {}
debug_info = '3=22&4=24&5=26&6=28&7=30&8=33&10=35&11=38&13=40&16=43&17=46'
