from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pipe.yaml.j2'

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
        t_2 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    try:
        t_3 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '    Type: AWS::Pipes::Pipe\n    Properties:\n      Name: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n      RoleArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n      Source: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source')))
    yield '\n      SourceParameters:\n'
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_kind') == 'sqs'):
        pass
        yield '        SqsQueueParameters:\n          BatchSize: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
        yield '\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'):
            pass
            yield '          MaximumBatchingWindowInSeconds: '
            yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'))
            yield '\n'
    else:
        pass
        yield '        DynamoDBStreamParameters:\n          StartingPosition: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'))
        yield '\n          BatchSize: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
        yield '\n'
        if (not t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))):
            pass
            yield '          MaximumRetryAttempts: '
            yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
            yield '\n'
        if (not t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))):
            pass
            yield '          MaximumRecordAgeInSeconds: '
            yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
            yield '\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bisect'):
            pass
            yield '          OnPartialBatchItemFailure: AUTOMATIC_BISECT\n'
        if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter'):
            pass
            yield '          DeadLetterConfig:\n            Arn: '
            yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'dead_letter')))
            yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '        FilterCriteria:\n          Filters:\n            - Pattern: '
        yield str(t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')))
        yield '\n'
    yield '      Target: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'target')))
    yield '\n      TargetParameters:\n        StepFunctionStateMachineParameters:\n          InvocationType: FIRE_AND_FORGET\n'

blocks = {}
debug_info = '3=31&4=33&5=35&7=37&9=40&10=42&11=45&15=50&16=52&17=54&18=57&20=59&21=62&23=64&26=67&28=70&31=72&34=75&36=78'
