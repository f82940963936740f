from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_invoke_config.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_node = resolve('node')
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
    yield '    Type: AWS::Lambda::EventInvokeConfig\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'):
        pass
        yield '    DependsOn:'
        yield str(t_2(context, environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'), 6))
        yield '\n'
    yield '    Properties:\n      FunctionName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n      Qualifier: $LATEST\n      MaximumRetryAttempts: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
    yield '\n      MaximumEventAgeInSeconds: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
    yield '\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success') or environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure')):
        pass
        yield '      DestinationConfig:\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success'):
            pass
            yield '        OnSuccess:\n          Destination: '
            yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_success')))
            yield '\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'):
            pass
            yield '        OnFailure:\n          Destination: '
            yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure')))
            yield '\n'

blocks = {}
debug_info = '2=26&3=29&6=32&8=34&9=36&10=38&12=41&14=44&16=46&18=49'
