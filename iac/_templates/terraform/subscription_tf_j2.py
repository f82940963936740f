from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'subscription.tf.j2'

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
        t_1 = environment.filters['hcl_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'hcl_str' found.")
    try:
        t_2 = environment.filters['json']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'json' found.")
    try:
        t_3 = environment.filters['v']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'v' found.")
    pass
    yield str((undefined(name='comment') if l_0_comment is missing else l_0_comment))
    yield '\nresource "aws_sns_topic_subscription" "'
    yield str((undefined(name='name') if l_0_name is missing else l_0_name))
    yield '" {\n  topic_arn\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'topic')))
    yield '\n  protocol\x00= '
    yield str(t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'protocol')))
    yield '\n  endpoint\x00= '
    yield str(t_3(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'endpoint')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_policy'):
        pass
        yield '  filter_policy\x00= '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_policy')))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'raw'):
        pass
        yield '  raw_message_delivery\x00= true\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'):
        pass
        yield '  redrive_policy\x00= '
        yield str(t_2(context, {'deadLetterTargetArn': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter')}))
        yield '\n'
    yield '}\n'

blocks = {}
debug_info = '1=32&2=34&3=36&4=38&5=40&6=42&7=45&9=47&12=50&13=53'
