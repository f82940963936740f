from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'queue.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    try:
        t_1 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_2 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    pass
    yield '    Type: AWS::SQS::Queue\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'retain'):
        pass
        yield '    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n'
    else:
        pass
        yield '    DeletionPolicy: Delete\n    UpdateReplacePolicy: Delete\n'
    yield '    Properties:\n      QueueName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'fifo'):
        pass
        yield '      FifoQueue: true\n      ContentBasedDeduplication: true\n'
    yield '      MaximumMessageSize: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_message_size'))
    yield '\n      VisibilityTimeout: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'visibility_timeout'))
    yield '\n      MessageRetentionPeriod: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retention'))
    yield '\n      DelaySeconds: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'delay'))
    yield '\n      SqsManagedSseEnabled: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'encrypted')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dlq'):
        pass
        yield '      RedrivePolicy:\n        deadLetterTargetArn: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dlq')))
        yield '\n        maxReceiveCount: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_receives'))
        yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '2=27&10=34&11=36&15=40&16=42&17=44&18=46&19=48&20=50&22=53&23=55&25=57&26=60'
