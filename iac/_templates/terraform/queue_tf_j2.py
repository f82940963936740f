from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'queue.tf.j2'

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
        t_1 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_2 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_sqs_queue" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  name\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'fifo'):
        pass
        yield '  fifo_queue\x00= true\n  content_based_deduplication\x00= true\n'
    yield '  max_message_size\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_message_size'))
    yield '\n  visibility_timeout_seconds\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'visibility_timeout'))
    yield '\n  message_retention_seconds\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retention'))
    yield '\n  delay_seconds\x00= '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'delay'))
    yield '\n  sqs_managed_sse_enabled\x00= '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'encrypted')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dlq'):
        pass
        yield '  redrive_policy\x00= '
        yield str(t_1(context, {'deadLetterTargetArn': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dlq'), 'maxReceiveCount': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_receives')}))
        yield '\n'
    yield '}\n'

blocks = {}
debug_info = '1=26&2=28&3=30&4=32&8=36&9=38&10=40&11=42&12=44&13=46&14=49'
