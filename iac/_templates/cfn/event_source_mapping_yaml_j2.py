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
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        yield '      FilterCriteria:\n        Filters:\n          - Pattern: '
        yield str(t_3(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')))
        yield '\n'

blocks = {}
debug_info = '2=32&3=35&6=38&7=40&8=42&9=44&10=47&12=49&13=52&15=54&19=57&22=60'
