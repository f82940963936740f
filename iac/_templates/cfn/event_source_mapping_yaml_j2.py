from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'event_source_mapping.yaml.j2'

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
    try:
        t_3 = environment.filters['yaml_str']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'yaml_str' found.")
    try:
        t_4 = environment.tests['none']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No test named 'none' found.")
    pass
    yield '    Type: AWS::Lambda::EventSourceMapping\n'
    if environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'):
        pass
        yield '    DependsOn:'
        yield str(t_2(context, environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'depends_on'), 6))
        yield '\n'
    yield '    Properties:\n      FunctionName: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'function')))
    yield '\n      EventSourceArn: '
    yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_arn')))
    yield '\n      BatchSize: '
    yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))
    yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'):
        pass
        yield '      MaximumBatchingWindowInSeconds: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'):
        pass
        yield '      StartingPosition: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'report_failures'):
        pass
        yield '      FunctionResponseTypes:\n        - ReportBatchItemFailures\n'
    if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))):
        pass
        yield '      MaximumRetryAttempts: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'retries'))
        yield '\n'
    if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))):
        pass
        yield '      MaximumRecordAgeInSeconds: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_age'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'bisect'):
        pass
        yield '      BisectBatchOnFunctionError: true\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure'):
        pass
        yield '      DestinationConfig:\n        OnFailure:\n          Destination: '
        yield str(t_1(context, environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'on_failure')))
        yield '\n'
    if (not t_4(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_concurrency'))):
        pass
        yield '      ScalingConfig:\n        MaximumConcurrency: '
        yield str(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'max_concurrency'))
        yield '\n'
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '      FilterCriteria:\n        Filters:\n          - Pattern: '
        yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')))
        yield '\n'
    if (undefined(name='tags') if l_0_tags is missing else l_0_tags):
        pass
        yield '      Tags:'
        yield str(t_2(context, (undefined(name='tags') if l_0_tags is missing else l_0_tags), 8))
        yield '\n'

blocks = {}
debug_info = '2=39&3=42&6=45&7=47&8=49&9=51&10=54&12=56&13=59&15=61&19=64&20=67&22=69&23=72&25=74&28=77&31=80&33=82&35=85&37=87&40=90&42=92&43=95'
