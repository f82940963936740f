from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'queue.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    l_0_p = resolve('p')
    l_0_fifo_name = resolve('fifo_name')
    l_0_construct = resolve('construct')
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
    pass
    yield 'sqs.Queue(\n    self,\n    '
    yield str(t_2(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'queue_name', (context.call((undefined(name='fifo_name') if l_0_fifo_name is missing else l_0_fifo_name), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')) if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'fifo') else environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name'))))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'fifo'):
        pass
        yield '    fifo=True,\n    content_based_deduplication=True,\n'
    yield '    max_message_size_bytes='
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_message_size'))
    yield ',\n    visibility_timeout='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'visibility_timeout')))
    yield ',\n    retention_period='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retention')))
    yield ',\n    delivery_delay='
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'delay')))
    yield ',\n    encryption=sqs.QueueEncryption.'
    yield str(('SQS_MANAGED' if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'encrypted') else 'UNENCRYPTED'))
    yield ',\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dlq'):
        pass
        yield '    dead_letter_queue=sqs.DeadLetterQueue(\n        queue='
        yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dlq')), 'text'))
        yield ',\n        max_receive_count='
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_receives'))
        yield ',\n    ),\n'
    yield '    removal_policy=cdk.RemovalPolicy.'
    yield str(('RETAIN' if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain') else 'DESTROY'))
    yield ',\n)\n'

blocks = {}
debug_info = '3=29&4=31&5=33&9=37&10=39&11=41&12=43&13=45&14=47&16=50&17=52&20=55'
