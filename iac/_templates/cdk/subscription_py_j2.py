from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'subscription.py.j2'

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
    l_0_filter_policy = resolve('filter_policy')
    l_0_line = resolve('line')
    l_0_Call = resolve('Call')
    l_0_var = resolve('var')
    l_0_expr = resolve('expr')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    try:
        t_2 = environment.filters['upper']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'upper' found.")
    pass
    yield 'sns.Subscription(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    topic='
    yield str(environment.getattr(context.call((undefined(name='construct') if l_0_construct is missing else l_0_construct), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'topic')), 'text'))
    yield ',\n    protocol=sns.SubscriptionProtocol.'
    yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'protocol')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'endpoint', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'endpoint')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_policy'):
        pass
        yield '    '
        yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'filter_policy', context.call((undefined(name='filter_policy') if l_0_filter_policy is missing else l_0_filter_policy), environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_policy'))))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'raw'):
        pass
        yield '    raw_message_delivery=True,\n'
    yield ')\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'):
        pass
        yield '# Set on the resource: the L2 `dead_letter_queue` would add its own queue policy.\n'
        yield str(context.call((undefined(name='line') if l_0_line is missing else l_0_line), context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), str_join(('resource_of(', (undefined(name='var') if l_0_var is missing else l_0_var), ').add_property_override', )), ('RedrivePolicy', context.call((undefined(name='expr') if l_0_expr is missing else l_0_expr), {'deadLetterTargetArn': environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter')})))))
        yield '\n'

blocks = {}
debug_info = '3=33&4=35&5=37&6=39&7=41&8=44&10=46&14=50&16=53'
