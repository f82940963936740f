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
    l_0_line = resolve('line')
    l_0_Call = resolve('Call')
    l_0_var = resolve('var')
    l_0_expr = resolve('expr')
    try:
        t_1 = environment.filters['duration']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'duration' found.")
    try:
        t_2 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield 'lambda_.EventSourceMapping(\n    self,\n    '
    yield str(t_2(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    target='
    yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')), 'text'))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'event_source_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
    yield '\n    batch_size='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'):
        pass
        yield '    max_batching_window='
        yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window')))
        yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'):
        pass
        yield '    starting_position=lambda_.StartingPosition.'
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'))
        yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'report_failures'):
        pass
        yield '    report_batch_item_failures=True,\n'
    if (not t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))):
        pass
        yield '    retry_attempts='
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
        yield ',\n'
    if (not t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))):
        pass
        yield '    max_record_age=cdk.Duration.seconds('
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
        yield '),\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bisect'):
        pass
        yield '    bisect_batch_on_error=True,\n'
    if (not t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_concurrency'))):
        pass
        yield '    max_concurrency='
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_concurrency'))
        yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'filters', [{'pattern': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')}]))
        yield '\n'
    yield ')\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'):
        pass
        yield '# Set on the resource: the L2 `on_failure` would grant the role on its own.\n'
        yield str(context.call((undefined(name='line') if l_0_line is missing else l_0_line), context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), str_join(('resource_of(', (undefined(name='var') if l_0_var is missing else l_0_var), ').add_property_override', )), ('DestinationConfig.OnFailure.Destination', context.call((undefined(name='expr') if l_0_expr is missing else l_0_expr), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'))))))
        yield '\n'

blocks = {}
debug_info = '3=38&4=40&5=42&6=44&7=46&8=49&10=51&11=54&13=56&16=59&17=62&19=64&20=67&22=69&25=72&26=75&28=77&29=80&32=83&34=86'
