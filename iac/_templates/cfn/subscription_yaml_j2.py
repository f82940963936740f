from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'subscription.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
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
    yield '    Type: AWS::SNS::Subscription\n    Properties:\n      TopicArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'topic')))
    yield '\n      Protocol: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'protocol'))
    yield '\n      Endpoint: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'endpoint')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_policy'):
        pass
        yield '      FilterPolicy:'
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_policy'), 8))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'raw'):
        pass
        yield '      RawMessageDelivery: true\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'):
        pass
        yield '      RedrivePolicy:\n        deadLetterTargetArn: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter')))
        yield '\n'

blocks = {}
debug_info = '3=25&4=27&5=29&6=31&7=34&9=36&12=39&14=42'
