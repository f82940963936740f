from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'pipe.py.j2'

def root(context, missing=missing, environment=environment):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_p = resolve('p')
    l_0_Call = resolve('Call')
    l_0_Code = resolve('Code')
    l_0_params = resolve('params')
    l_0_source = resolve('source')
    l_0_PyList = resolve('PyList')
    l_0_filters = resolve('filters')
    l_0_node = resolve('node')
    l_0_kw = resolve('kw')
    try:
        t_1 = environment.filters['py_str']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'py_str' found.")
    try:
        t_2 = environment.filters['string']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'string' found.")
    pass
    if (environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source_kind') == 'sqs'):
        pass
        l_0_params = context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeSourceSqsQueueParametersProperty', (), ((('batch_size', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch')))),) + ((('maximum_batching_window_in_seconds', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window')))),) if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'window') else ())))
        context.vars['params'] = l_0_params
        context.exported_vars.add('params')
        l_0_source = (('sqs_queue_parameters', (undefined(name='params') if l_0_params is missing else l_0_params)),)
        context.vars['source'] = l_0_source
        context.exported_vars.add('source')
    else:
        pass
        l_0_params = context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeSourceDynamoDBStreamParametersProperty', (), (('starting_position', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'starting_position')), ('batch_size', context.call((undefined(name='Code') if l_0_Code is missing else l_0_Code), t_2(environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'batch'))))))
        context.vars['params'] = l_0_params
        context.exported_vars.add('params')
        l_0_source = (('dynamo_db_stream_parameters', (undefined(name='params') if l_0_params is missing else l_0_params)),)
        context.vars['source'] = l_0_source
        context.exported_vars.add('source')
    if environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern'):
        pass
        l_0_filters = context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.FilterCriteriaProperty', (), (('filters', context.call((undefined(name='PyList') if l_0_PyList is missing else l_0_PyList), (context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.FilterProperty', (), (('pattern', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'filter_pattern')),)),))),))
        context.vars['filters'] = l_0_filters
        context.exported_vars.add('filters')
        l_0_source = ((undefined(name='source') if l_0_source is missing else l_0_source) + (('filter_criteria', (undefined(name='filters') if l_0_filters is missing else l_0_filters)),))
        context.vars['source'] = l_0_source
        context.exported_vars.add('source')
    yield 'pipes.CfnPipe(\n    self,\n    '
    yield str(t_1(environment.getattr((undefined(name='node') if l_0_node is missing else l_0_node), 'id')))
    yield ',\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'name', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'name')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'role_arn', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'role')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'source', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'source')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'target', environment.getattr((undefined(name='p') if l_0_p is missing else l_0_p), 'target')))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'source_parameters', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeSourceParametersProperty', (), (undefined(name='source') if l_0_source is missing else l_0_source))))
    yield '\n    '
    yield str(context.call((undefined(name='kw') if l_0_kw is missing else l_0_kw), 'target_parameters', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeTargetParametersProperty', (), (('step_function_state_machine_parameters', context.call((undefined(name='Call') if l_0_Call is missing else l_0_Call), 'pipes.CfnPipe.PipeTargetStateMachineParametersProperty', (), (('invocation_type', 'FIRE_AND_FORGET'),))),))))
    yield '\n)\n'

blocks = {}
debug_info = '1=32&2=34&3=37&5=42&6=45&8=48&9=50&10=53&14=57&15=59&16=61&17=63&18=65&19=67&20=69'
