from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'state_machine.yaml.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_tags = resolve('tags')
    l_0_body = l_0_subs = missing
    try:
        t_1 = environment.filters['definition']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'definition' found.")
    try:
        t_2 = environment.filters['inline']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'inline' found.")
    try:
        t_3 = environment.filters['y']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'y' found.")
    pass
    (l_0_body, l_0_subs) = t_1(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'definition'))
    context.vars.update({'body': l_0_body, 'subs': l_0_subs})
    context.exported_vars.update(('body', 'subs'))
    yield '    Type: AWS::Serverless::StateMachine\n    Properties:\n      Name: '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      Type: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'type'))
    yield '\n      Role: '
    yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'tracing'):
        pass
        yield '      Tracing:\n        Enabled: true\n'
    yield '      Definition:'
    yield str(t_3(context, (undefined(name='body') if l_0_body is missing else l_0_body), 8))
    yield '\n'
    if (undefined(name='subs') if l_0_subs is missing else l_0_subs):
        pass
        yield '      DefinitionSubstitutions:'
        yield str(t_3(context, (undefined(name='subs') if l_0_subs is missing else l_0_subs), 8))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group'):
        pass
        yield '      Logging:\n        Level: ALL\n        IncludeExecutionData: true\n        Destinations:\n          - CloudWatchLogsLogGroup:\n              LogGroupArn: '
        yield str(t_2(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'log_group')))
        yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_3(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '1=32&4=36&5=38&6=40&7=42&11=46&12=48&13=51&15=53&21=56&23=58&24=61'
